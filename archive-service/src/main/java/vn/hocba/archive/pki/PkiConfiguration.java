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
    SigningKeys signingKeys(HocbaProperties properties, Clock clock) {
        if (properties.demo().enabled()) {
            return new DemoPki(properties.dataDir(), clock);
        }
        // PKCS#11 tokens and remote signing arrive with the durable-signatures stage.
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
}
