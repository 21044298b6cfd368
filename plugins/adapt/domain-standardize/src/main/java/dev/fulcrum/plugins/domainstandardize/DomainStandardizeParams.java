package dev.fulcrum.plugins.domainstandardize;

import dev.fulcrum.api.Doc;

public record DomainStandardizeParams(
        @Doc("also divide by each domain's standard deviation; false only centres each domain on its own mean") Boolean scale) {

    public DomainStandardizeParams {
        scale = scale == null ? Boolean.TRUE : scale;
    }
}
