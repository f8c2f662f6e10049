package org.virtlockd.logging;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The daemon's log outputs and filters, in libvirt's syntax (spec 6.4). Changes apply at once and last until
 * the next change or restart; they are not written back to the configuration.
 */
@ProviderType
public interface LogControl {

    /**
     * @return the outputs in use, each as libvirt prints it: {@code 3:stderr}, {@code 3:journald},
     *         {@code 2:syslog:ident}, {@code 1:file:/absolute/path}
     */
    List<String> outputs();

    /** @return the filters in use, each as libvirt prints it: {@code 1:*transport*} */
    List<String> filters();

    /**
     * Replaces every output.
     *
     * @param outputs libvirt's output list ({@code "level:destination[:data] ..."}); null or empty: the
     *        default output chosen at start-up
     * @throws LogSettingsException with libvirt's text when the list is malformed or an output cannot be
     *         opened; the outputs in use are then kept
     */
    void setOutputs(String outputs) throws LogSettingsException;

    /**
     * Replaces every filter.
     *
     * @param filters libvirt's filter list ({@code "level:match ..."}); null or empty: no filters
     * @throws LogSettingsException with libvirt's text when the list is malformed; the filters are then kept
     */
    void setFilters(String filters) throws LogSettingsException;
}
