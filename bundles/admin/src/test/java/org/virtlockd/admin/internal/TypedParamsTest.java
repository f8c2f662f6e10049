package org.virtlockd.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.virtlockd.protocol.TypedParam;
import org.virtlockd.protocol.TypedParamType;

/** virTypedParamsValidate's merge of sorted names: what it reports first depends on the byte order of names. */
class TypedParamsTest {

    private static final Map<String, TypedParamType> POOL = Map.of("minWorkers", TypedParamType.UINT,
            "maxWorkers", TypedParamType.UINT, "prioWorkers", TypedParamType.UINT);

    private static String error(TypedParam... params) {
        return assertThrows(AdminFailure.class, () -> TypedParams.validate(List.of(params), POOL)).error().message();
    }

    @Test
    void anUnknownNameSortingFirstHidesAWrongType() {
        assertEquals("argument unsupported: parameter 'aaa' not supported",
                error(new TypedParam.UIntParam("aaa", 0), new TypedParam.IntParam("maxWorkers", 0)));
        assertEquals("invalid argument: invalid type 'int' for parameter 'maxWorkers', expected 'uint'",
                error(new TypedParam.UIntParam("zzz", 0), new TypedParam.IntParam("maxWorkers", 0)));
    }

    @Test
    void duplicatesAndUppercase() {
        assertEquals("invalid argument: parameter 'maxWorkers' occurs multiple times",
                error(new TypedParam.UIntParam("maxWorkers", 0), new TypedParam.UIntParam("maxWorkers", 1)));
        assertEquals("invalid argument: invalid type 'int' for parameter 'maxWorkers', expected 'uint'",
                error(new TypedParam.IntParam("maxWorkers", 0), new TypedParam.UIntParam("maxWorkers", 1)),
                "the first of equal names is checked first (stable order)");
        assertEquals("argument unsupported: parameter 'MaxWorkers' not supported", error(new TypedParam.UIntParam("MaxWorkers", 0)));
    }

    @Test
    void validParameters() throws AdminFailure {
        TypedParams.validate(List.of(new TypedParam.UIntParam("prioWorkers", 1), new TypedParam.UIntParam("minWorkers", 0)), POOL);
        TypedParams.validate(List.of(), POOL);
        assertEquals(java.util.Optional.of(1L), TypedParams.uint(List.of(new TypedParam.UIntParam("prioWorkers", 1)), "prioWorkers"));
    }

    @Test
    void namesAreComparedAsBytes() {
        assertEquals("argument unsupported: parameter '\u00e9' not supported",
                error(new TypedParam.UIntParam("\u00e9", 0)));
        assertEquals("argument unsupported: parameter 'Z' not supported",
                error(new TypedParam.UIntParam("Z", 0), new TypedParam.UIntParam("\u00e9", 0)));
    }
}
