package vn.hocba.archive.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.hocba.signing.PdfSigner;
import vn.hocba.signing.dss.DssPdfSigner;

/** The PAdES signer, with the font the visible signatures are written in (Vietnamese diacritics). */
@Configuration
class SigningConfiguration {

    @Bean
    PdfSigner pdfSigner() {
        try (InputStream font = SigningConfiguration.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            if (font == null) {
                throw new IllegalStateException("font /fonts/DejaVuSans.ttf missing from the classpath");
            }
            return new DssPdfSigner(font.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
