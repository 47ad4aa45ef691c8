package vn.hocba.signing.csc;

/**
 * The version of the Cloud Signature Consortium API a service speaks; it decides the URL prefix and the request
 * shapes. Viettel MySign speaks v1; newer services v2.
 */
public enum CscApiVersion {

    /**
     * CSC API v1.0.4.0: {@code POST {base}/csc/v1/...}; authorize sends {@code hash} and {@code PIN}; signHash
     * sends {@code hash}, {@code hashAlgo}, {@code signAlgo}.
     */
    V1("v1", "1.0.4.0"),

    /**
     * CSC API v2.0.0.2: {@code POST {base}/csc/v2/...}; authorize sends {@code hashes}, {@code hashAlgorithmOID}
     * and {@code authData [{id: "PIN", value}]}; signHash sends {@code hashes}, {@code hashAlgorithmOID},
     * {@code signAlgo}, {@code operationMode "S"}.
     */
    V2("v2", "2.0.0.2");

    private final String pathSegment;
    private final String specification;

    CscApiVersion(String pathSegment, String specification) {
        this.pathSegment = pathSegment;
        this.specification = specification;
    }

    /** @return the path segment after {@code /csc/}: {@code v1} or {@code v2} */
    public String pathSegment() {
        return pathSegment;
    }

    /** @return the specification version this client implements, as {@code info} reports it in {@code specs} */
    public String specification() {
        return specification;
    }
}
