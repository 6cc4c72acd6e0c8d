package io.kellydesk.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a settings tree into the firm's own text: every value that changed is replaced where it stands, a key the
 * text lacks is added at the top of its object, and everything else — the {@code #} comments, the order, the
 * spacing — stays as the firm wrote it. Empty when the text cannot be patched safely (then the caller writes the
 * tree plainly): the patched text is parsed again and must equal the tree.
 */
final class CommentKeepingText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS, JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    /** Where a value stands in the text: [start, end) of a scalar or a whole array; for an object, just after its '{'. */
    private record Span(int start, int end, boolean object) {
    }

    private record Edit(int start, int end, String text) {
    }

    private CommentKeepingText() {
    }

    static Optional<String> patch(String original, ObjectNode next) {
        try {
            Map<String, Span> spans = spans(original);
            JsonNode before = MAPPER.readTree(original);
            List<Edit> edits = new ArrayList<>();
            collect(original, "", before, next, spans, edits);
            edits.sort(Comparator.comparingInt(Edit::start).reversed());
            StringBuilder text = new StringBuilder(original);
            for (Edit edit : edits) {
                text.replace(edit.start(), edit.end(), edit.text());
            }
            String patched = text.toString();
            // compared as read back: a long written as 1000 reads back as an int, and is the same setting
            JsonNode expected = MAPPER.readTree(MAPPER.writeValueAsString(next));
            return MAPPER.readTree(patched).equals(expected) ? Optional.of(patched) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void collect(String original, String path, JsonNode before, JsonNode next, Map<String, Span> spans,
                                List<Edit> edits) throws IOException {
        Iterator<Map.Entry<String, JsonNode>> fields = next.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode old = before == null ? null : before.get(field.getKey());
            JsonNode value = field.getValue();
            if (old != null && old.equals(value)) {
                continue;
            }
            Span span = spans.get(at);
            if (span != null && value.isObject() && span.object()) {
                collect(original, at, old, value, spans, edits);
            } else if (span != null && !span.object()) {
                edits.add(new Edit(span.start(), span.end(), MAPPER.writeValueAsString(value)));
            } else if (span == null) {
                Span parent = path.isEmpty() ? spans.get("") : spans.get(path);
                if (parent == null || !parent.object()) {
                    throw new IOException("no object in the text for " + path);
                }
                // a key the text lacks goes first in its object (so no comma before it is needed), on a line of its own
                edits.add(new Edit(parent.start(), parent.start(), "\n" + indentAfter(original, parent.start()) + "\""
                        + field.getKey() + "\": " + MAPPER.writeValueAsString(value) + ","));
            } else {
                throw new IOException(at + " changed between an object and a value");
            }
        }
    }

    /** The indentation of the line after {@code offset} (the object's first key), or four spaces. */
    private static String indentAfter(String text, int offset) {
        int line = text.indexOf('\n', offset);
        if (line < 0) {
            return "    ";
        }
        int end = line + 1;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return end > line + 1 ? text.substring(line + 1, end) : "    ";
    }

    /** The span of every value in the text, by dotted path ("" for the root object). */
    private static Map<String, Span> spans(String text) throws IOException {
        Map<String, Span> spans = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            List<String> path = new ArrayList<>();
            String pendingName = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case FIELD_NAME -> pendingName = parser.currentName();
                    case START_OBJECT -> {
                        if (pendingName != null) {
                            path.add(pendingName);
                        } else if (!path.isEmpty() || !spans.isEmpty()) {
                            throw new IOException("an object inside an array is not patched in place");
                        }
                        spans.put(String.join(".", path), new Span((int) parser.currentLocation().getCharOffset(), -1, true));
                        pendingName = null;
                    }
                    case END_OBJECT -> {
                        if (!path.isEmpty()) {
                            path.removeLast();
                        }
                    }
                    case START_ARRAY -> {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        put(spans, path, pendingName, start, (int) parser.currentLocation().getCharOffset());
                        pendingName = null;
                    }
                    default -> {
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        parser.finishToken(); // a string is read lazily: its end is known once it is read
                        put(spans, path, pendingName, start, (int) parser.currentLocation().getCharOffset());
                        pendingName = null;
                    }
                }
            }
        }
        return spans;
    }

    private static void put(Map<String, Span> spans, List<String> path, String name, int start, int end) throws IOException {
        if (name == null) {
            throw new IOException("a value without a key");
        }
        List<String> at = new ArrayList<>(path);
        at.add(name);
        spans.put(String.join(".", at), new Span(start, end, false));
    }
}
