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

    /** Longest id: its feature file name ({@code id.npy}, and a temporary name around it) must fit in 255 bytes. */
    public static final int MAX_LENGTH = 200;

    private ClipIds() {
    }

    /**
     * Why an id cannot be a file name inside a store, or {@code null} when it can: ids become file
     * names ({@code clips/<id>.npy}), and a manifest is user input, so an id with a path separator,
     * {@code ..} or a control character could write outside the store.
     *
     * @param id a clip id
     * @return the reason, or {@code null}
     */
    public static String whyUnsafe(String id) {
        if (id.equals(".") || id.equals("..")) {
            return "is a relative folder";
        }
        if (id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
            return "contains a path separator";
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return "contains a control character";
            }
        }
        if (id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " bytes";
        }
        return null;
    }

    /**
     * @param id any string
     * @return it with control characters shown as {@code \\uXXXX}, for messages
     */
    public static String printable(String id) {
        StringBuilder b = new StringBuilder();
        id.codePoints().limit(MAX_LENGTH).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** The file name without its extension. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return safe(dot > 0 ? name.substring(0, dot) : name);
    }

    /** A file name as an id: control characters and backslashes become {@code _}, and it is cut to fit. */
    private static String safe(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == '\\' ? '_' : c));
        String s = b.toString();
        while (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            s = s.substring(0, s.length() - 1);
        }
        return s.equals("..") || s.equals(".") ? "_" + s : s;
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
                s = safe((dot > rel.lastIndexOf('/') ? rel.substring(0, dot) : rel).replace("/", "__"));
            }
            ids.put(f, s);
        }
        return ids;
    }
}
