package vn.hocba.signing;

/** A signature value that does not verify with the signer's certificate over the data to sign. */
public class InvalidSignatureValueException extends SigningException {

    /** @param message which certificate, without secrets */
    public InvalidSignatureValueException(String message) {
        super(message);
    }
}
