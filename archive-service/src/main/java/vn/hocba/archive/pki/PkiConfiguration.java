package vn.hocba.archive.pki;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.hocba.archive.HocbaProperties;
import vn.hocba.signing.SigningToken;

@Configuration
class PkiConfiguration {

    @Bean
    SigningKeys signingKeys(HocbaProperties properties, SigningProperties signing, Clock clock) {
        if (properties.demo().enabled()) {
            return new DemoPki(properties.dataDir(), clock, signing.demoServicesPort(), signing.timeout());
        }
        // PKCS#11 keys and remote signing services are configured here (two-step signing needs none).
        return new SigningKeys() {
            @Override
            public SigningToken tokenFor(String school, String schoolName, String staffId, String fullName) {
                throw new NoSigningKeyException(staffId + "@" + school);
            }

            @Override
            public List<X509Certificate> trustAnchors() {
                return List.of();
            }
        };
    }

    @Bean
    SignatureServices signatureServices(SigningKeys keys, SigningProperties signing, Clock clock) {
        return new SignatureServices(signing, keys instanceof DemoPki demo ? demo.timestamps() : null,
                keys.trustAnchors(), keys.intermediates(), clock);
    }
}
