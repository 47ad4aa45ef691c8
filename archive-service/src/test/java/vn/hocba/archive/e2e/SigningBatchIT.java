package vn.hocba.archive.e2e;

import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SigningBatchScenario} on the embedded default (H2 file database), at the size issue 15 names: the principal
 * countersigns 300 records in one batch ({@code -Dhocba.batch.students=N} for another size). Measured with 300 on two
 * shared cores: import and render 43 s, the teachers' ~4,500 row signatures (one batch each) 196 s, the principal's
 * one batch of 300 22 s (13 signatures/s), all archived 4 s later; the whole test 298 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningBatchIT extends SigningBatchScenario {

    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        dataDir = properties(registry, "data-batch");
    }

    @Override
    int students() {
        return Integer.getInteger("hocba.batch.students", 300);
    }

    @Override
    Path dataDir() {
        return dataDir;
    }
}
