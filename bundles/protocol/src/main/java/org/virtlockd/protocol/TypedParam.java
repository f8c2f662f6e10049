package org.virtlockd.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A typed parameter of the admin program, {@code admin_typed_param}: a field name and a value whose XDR
 * type the discriminant selects. One record per type; decoding an unknown discriminant fails, as the
 * generated C decoder (a union without default arm) does.
 *
 * <table>
 *   <caption>Typed parameter layout</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>string&lt;{@link Limits#ADMIN_STRING_MAX}&gt;</td><td>field</td></tr>
 *   <tr><td>int</td><td>type ({@link TypedParamType#code()}, 1 to 7)</td></tr>
 *   <tr><td>int | unsigned int | hyper | unsigned hyper | double | int | string</td><td>value</td></tr>
 * </table>
 */
public sealed interface TypedParam {

    /** @return the parameter name */
    String field();

    /** @return the value type */
    TypedParamType type();

    /** Writes field, discriminant and value. */
    void encode(XdrWriter writer);

    /** Reads one parameter. */
    static TypedParam decode(XdrReader reader) throws XdrException {
        String field = reader.readString(Limits.ADMIN_STRING_MAX);
        int code = reader.readInt();
        TypedParamType type = TypedParamType.of(code)
                .orElseThrow(() -> new XdrException("typed parameter '" + field + "' has unknown type " + code));
        switch (type) {
            case INT: return new IntParam(field, reader.readInt());
            case UINT: return new UIntParam(field, reader.readUnsignedInt());
            case LLONG: return new LLongParam(field, reader.readHyper());
            case ULLONG: return new ULLongParam(field, reader.readUnsignedHyper());
            case DOUBLE: return new DoubleParam(field, reader.readDouble());
            case BOOLEAN: return new BooleanParam(field, reader.readInt() != 0);
            default: return new StringParam(field, reader.readString(Limits.ADMIN_STRING_MAX));
        }
    }

    /** Reads a parameter array of at most {@code max} elements (an {@code ADMIN_*_MAX} of {@link Limits}). */
    static List<TypedParam> decodeArray(XdrReader reader, int max) throws XdrException {
        return reader.readArray(max, TypedParam::decode);
    }

    /** Writes a parameter array of at most {@code max} elements. */
    static void encodeArray(XdrWriter writer, List<TypedParam> params, int max) {
        writer.writeArray(params, max, (w, param) -> param.encode(w));
    }

    private static XdrWriter head(XdrWriter writer, TypedParam param) {
        return writer.writeString(Objects.requireNonNull(param.field(), "field"), Limits.ADMIN_STRING_MAX)
                .writeInt(param.type().code());
    }

    /** @param field name @param value signed 32-bit value */
    record IntParam(String field, int value) implements TypedParam {
        @Override public TypedParamType type() { return TypedParamType.INT; }
        @Override public void encode(XdrWriter writer) { head(writer, this).writeInt(value); }
    }

    /** @param field name @param value 0 to 2<sup>32</sup>-1 */
    record UIntParam(String field, long value) implements TypedParam {
        @Override public TypedParamType type() { return TypedParamType.UINT; }
        @Override public void encode(XdrWriter writer) { head(writer, this).writeUnsignedInt(value); }
    }

    /** @param field name @param value signed 64-bit value */
    record LLongParam(String field, long value) implements TypedParam {
        @Override public TypedParamType type() { return TypedParamType.LLONG; }
        @Override public void encode(XdrWriter writer) { head(writer, this).writeHyper(value); }
    }

    /** @param field name @param value raw bits of an unsigned 64-bit value */
    record ULLongParam(String field, long value) implements TypedParam {
        @Override public TypedParamType type() { return TypedParamType.ULLONG; }
        @Override public void encode(XdrWriter writer) { head(writer, this).writeUnsignedHyper(value); }
    }

    /** @param field name @param value the value */
    record DoubleParam(String field, double value) implements TypedParam {
        @Override public TypedParamType type() { return TypedParamType.DOUBLE; }
        @Override public void encode(XdrWriter writer) { head(writer, this).writeDouble(value); }
    }

    /** @param field name @param value sent as int 1 or 0; any non-zero int decodes as true */
    record BooleanParam(String field, boolean value) implements TypedParam {
        @Override public TypedParamType type() { return TypedParamType.BOOLEAN; }
        @Override public void encode(XdrWriter writer) { head(writer, this).writeInt(value ? 1 : 0); }
    }

    /** @param field name @param value the string, at most {@link Limits#ADMIN_STRING_MAX} bytes */
    record StringParam(String field, String value) implements TypedParam {
        @Override public TypedParamType type() { return TypedParamType.STRING; }
        @Override public void encode(XdrWriter writer) {
            head(writer, this).writeString(Objects.requireNonNull(value, "value"), Limits.ADMIN_STRING_MAX);
        }
    }
}
