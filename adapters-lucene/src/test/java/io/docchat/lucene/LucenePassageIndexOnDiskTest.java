package io.docchat.lucene;

import io.docchat.core.contract.PassageIndexContract;
import io.docchat.core.port.PassageIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The port contract on an index in a directory, where a reopen really closes the files and reads them again. */
class LucenePassageIndexOnDiskTest extends PassageIndexContract {

    @TempDir
    Path directory;

    @Override
    protected PassageIndex create() {
        return LucenePassageIndex.open(directory.resolve("index"));
    }

    @Override
    protected PassageIndex reopen(PassageIndex old) {
        old.close();
        return LucenePassageIndex.open(directory.resolve("index"));
    }
}
