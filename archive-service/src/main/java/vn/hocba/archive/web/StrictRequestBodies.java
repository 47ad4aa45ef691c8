package vn.hocba.archive.web;

import java.util.Collection;
import java.util.List;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import vn.hocba.archive.common.StrictRequestBody;

/**
 * Unknown members of a {@link StrictRequestBody} are an error: Jackson's problem handler is asked about every unknown
 * member before its {@code FAIL_ON_UNKNOWN_PROPERTIES} (off in Spring) is consulted, and throws for those types only;
 * {@link ApiErrors} answers 422 with the member's path. A {@link StrictRequestBody.JudgedAfterAccess} body read in a
 * request is read whole, its first unknown member noted for the endpoint to refuse after its access checks.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies {

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodyHandler() {
        return builder -> builder.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                                 ValueDeserializer<?> deserializer, Object beanOrClass,
                                                 String propertyName) {
                Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
                if (type == null || !StrictRequestBody.class.isAssignableFrom(type)) {
                    return false; // Jackson's own rule (ignored)
                }
                RequestAttributes request = RequestContextHolder.getRequestAttributes();
                if (StrictRequestBody.JudgedAfterAccess.class.isAssignableFrom(type) && request != null) {
                    // the endpoint refuses it once the caller's access is settled (requireKnownMembers)
                    if (request.getAttribute(StrictRequestBody.UNKNOWN_MEMBER, RequestAttributes.SCOPE_REQUEST) == null) {
                        request.setAttribute(StrictRequestBody.UNKNOWN_MEMBER, propertyName, RequestAttributes.SCOPE_REQUEST);
                    }
                    parser.skipChildren(); // the member's value, unread
                    return true;
                }
                Collection<Object> known = deserializer == null ? List.of() : deserializer.getKnownPropertyNames();
                throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName, known);
            }
        });
    }
}
