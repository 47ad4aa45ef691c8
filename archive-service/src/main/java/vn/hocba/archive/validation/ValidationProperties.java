package vn.hocba.archive.validation;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of public validation.
 *
 * @param maxSize    the largest PDF accepted (larger: 413); a signed student record is well under 1 MB
 * @param cacheSize  how many reports are kept, by the file's sha256 (DSS takes 100 ms and more per document; 0: none)
 */
@Validated
@ConfigurationProperties("hocba.validation")
record ValidationProperties(@DefaultValue("20MB") DataSize maxSize, @DefaultValue("256") @Min(0) int cacheSize) {

    ValidationProperties {
        if (maxSize == null || maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("hocba.validation.max-size must be positive");
        }
    }
}
