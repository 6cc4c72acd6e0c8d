package io.kellydesk.desk.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionRecordTest {

    @Test
    void aRawRowReadsInWords() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("decided_at_ms", 1_764_597_600_123L); // 2025-12-01T14:00:00.123Z
        row.put("f_used", 0.00682499999999997);
        row.put("capital_at_risk", 12825.0);
        row.put("emergency", 0);
        row.put("order_contracts", 2);
        row.put("age_quote_ms", 1500L);
        row.put("reason", "BELOW_CONFIDENCE");
        row.put("brand_new_column", "x");
        Map<String, String> text = new LinkedHashMap<>();
        DecisionRecord.lines(row, at -> at.equals(Instant.ofEpochMilli(1_764_597_600_123L)) ? "2025-12-01 14:00:00.123" : "?")
                .forEach(l -> text.put(l.label(), l.text()));
        assertThat(text).containsEntry("Decided at", "2025-12-01 14:00:00.123")
                .containsEntry("f used", "0.68 %") // not 0.00682499999999997
                .containsEntry("Capital at risk", "12,825.00")
                .containsEntry("Emergency", "no")
                .containsEntry("Order on offer", "+2")
                .containsEntry("quote", "1.5 s")
                .containsEntry("Reason", "win probability below the confidence threshold")
                .containsEntry("brand_new_column", "x");
    }
}
