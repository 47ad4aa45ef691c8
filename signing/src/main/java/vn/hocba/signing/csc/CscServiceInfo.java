package vn.hocba.signing.csc;

import java.util.List;

/**
 * What a CSC service says about itself ({@code info}).
 *
 * @param specs   the API version it implements, e.g. {@code 1.0.4.0}
 * @param name    the service's name
 * @param methods the API methods it supports, e.g. {@code credentials/authorize}
 */
public record CscServiceInfo(String specs, String name, List<String> methods) {

    /** Copies the list. */
    public CscServiceInfo {
        methods = List.copyOf(methods);
    }
}
