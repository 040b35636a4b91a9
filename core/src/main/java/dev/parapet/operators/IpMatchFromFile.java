package dev.parapet.operators;

import dev.parapet.ip.IpList;
import dev.parapet.operators.internal.IpSet;
import dev.parapet.seclang.SecLangException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @ipMatchFromFile} / {@code @ipMatchF}: {@link IpMatch} with one address or network per line of
 * the named data file(s). Text after {@code #} or {@code ;} is a comment and only the first token of a line
 * counts, so public blocklists (FireHOL {@code .netset}, Spamhaus DROP) load as they are published; an
 * invalid entry fails at load time.
 */
public final class IpMatchFromFile {

    private IpMatchFromFile() {
    }

    /** Factory for the registry; reads the files now. */
    public static Operator create(OperatorArgs args) {
        List<String> entries = new ArrayList<>();
        for (String file : DataFiles.names(args)) {
            for (String line : DataFiles.read(args, file)) {
                String entry = IpList.entryOf(line);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        if (entries.isEmpty()) {
            throw new SecLangException("no IP addresses in " + DataFiles.names(args));
        }
        return new IpMatch(IpSet.parse(entries));
    }
}
