package org.aaec.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names clips after their files: the file name without extension, or, where two files share that
 * name, their path below the corpus root with {@code /} replaced by {@code __}.
 */
public final class ClipIds {

    private ClipIds() {
    }

    /** The file name without its extension. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * @param files audio files
     * @param root the folder they were found under
     * @return a unique id per file, in the files' order
     */
    public static Map<Path, String> assign(List<Path> files, Path root) {
        Map<String, Integer> counts = new HashMap<>();
        for (Path f : files) {
            counts.merge(stem(f), 1, Integer::sum);
        }
        Map<Path, String> ids = new LinkedHashMap<>();
        for (Path f : files) {
            String s = stem(f);
            if (counts.get(s) > 1) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                int dot = rel.lastIndexOf('.');
                s = (dot > rel.lastIndexOf('/') ? rel.substring(0, dot) : rel).replace("/", "__");
            }
            ids.put(f, s);
        }
        return ids;
    }
}
