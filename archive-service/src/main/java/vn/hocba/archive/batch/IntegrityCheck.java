package vn.hocba.archive.batch;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hocba.archive.common.Hashes;
import vn.hocba.archive.workflow.DocumentView;

/** The PDF about to be signed is the one the database recorded: its sha256 equals the document's {@code sha256}. */
@Component
@Order(0)
class IntegrityCheck implements DocumentCheck {

    @Override
    public void check(DocumentView document, byte[] pdf) {
        String found = Hashes.sha256(pdf);
        if (!found.equals(document.sha256())) {
            throw new DocumentNotIntactException(document.sha256(), found);
        }
    }
}
