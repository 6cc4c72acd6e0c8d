package io.kellydesk.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kellydesk.core.DeskConfiguration;
import io.kellydesk.core.DeskPreferences;
import io.kellydesk.core.ServicesSettings;
import io.kellydesk.core.SizingSettings;
import java.util.List;

/**
 * A settings file as read: the sizing settings, the keys the desk does not know (kept, and written back on
 * save), and the whole tree so nothing of the firm's file is lost.
 *
 * @param services    where the upstream services are and how they are polled ({@code services} section)
 * @param unknownKeys dotted paths of keys the desk does not use, e.g. {@code kelly_calculator.legacy_mode}
 * @param text        the file as the firm wrote it, comments included: a save changes only the values that changed
 */
public record LoadedSettings(SizingSettings sizing, ServicesSettings services, DeskPreferences desk, List<String> unknownKeys,
                             ObjectNode tree, String text) {

    public LoadedSettings {
        unknownKeys = List.copyOf(unknownKeys);
        tree = tree.deepCopy();
        text = text == null ? "" : text;
    }

    public DeskConfiguration configuration() {
        return new DeskConfiguration(sizing, services, desk);
    }

    @Override
    public ObjectNode tree() {
        return tree.deepCopy();
    }
}
