package vn.hocba.archive.pki;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.hocba.archive.common.Access;
import vn.hocba.archive.common.Allowed;

/**
 * {@code GET /api/v1/pki/trust-anchors}: the PEM certificates the service trusts, public, for offline validation: the
 * roots first, then the issuing CAs under them (which a viewer needs to know, not to trust: they chain to a root).
 */
@Allowed(Access.VERIFY)
@RestController
class TrustAnchorsController {

    private final SigningKeys keys;

    TrustAnchorsController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/v1/pki/trust-anchors")
    ResponseEntity<String> trustAnchors() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(Pem.encode(java.util.stream.Stream.concat(keys.trustAnchors().stream(),
                        keys.intermediates().stream()).toList()));
    }
}
