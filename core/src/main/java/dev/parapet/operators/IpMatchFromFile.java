package dev.parapet.operators;

import dev.parapet.operators.internal.IpSet;
import dev.parapet.seclang.SecLangException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @ipMatchFromFile} / {@code @ipMatchF}: {@link IpMatch} with one address or network per line of
 * the named data file(s); empty lines and {@code #} comments are skipped.
 */
public final class IpMatchFromFile {

    private IpMatchFromFile() {
    }

    /** Factory for the registry; reads the files now. */
    public static Operator create(OperatorArgs args) {
        List<String> entries = new ArrayList<>();
        for (String file : DataFiles.names(args)) {
            for (String line : DataFiles.read(args, file)) {
                String entry = line.strip();
                if (!entry.isEmpty() && entry.charAt(0) != '#') {
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
