package dev.soba.streams.api.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose routes need no API key, instead of an {@link EndpointGroup}: only the
 * health routes ({@link #PATH}), which monitors of the replaced system call without a key. The
 * key check runs before matching, so {@link BearerAuthFilter} lets exactly the paths under
 * {@link #PATH} through; the catalogue test holds the annotation and the path together.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Public {

    /** The one public path prefix under {@code /api}. */
    String PATH = "/api/v1/health";
}
