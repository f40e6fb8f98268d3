package dev.soba.streams.api.http;

import dev.soba.streams.api.keys.Group;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the group of an {@code /api} endpoint, on the resource method or on its class: the
 * group decides which key scopes may call it ({@link ScopeFilter}) and which rate limit applies
 * ({@link RateLimitFilter}). A method's annotation wins over its class's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface EndpointGroup {

    Group value();
}
