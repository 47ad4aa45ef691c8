package vn.hocba.archive.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The row of the authorization table ({@link Access}) an HTTP handler belongs to: on the method, or on its class for
 * all of its handlers. A handler of the service without one is refused to everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {

    /** The row. */
    Access value();
}
