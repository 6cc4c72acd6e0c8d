package io.kellydesk.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import io.kellydesk.core.OrderTicket;
import io.kellydesk.core.OrderSide;
import io.kellydesk.core.OrderType;
import io.kellydesk.core.TimeInForce;

class TicketFormatsTest {

    private static final String ID = "kd-20261123-143000-NQZ26-7f3a01bc";
    private static final Instant AT = Instant.parse("2026-11-23T14:30:00.125Z");

    private static Map<String, String> fields(String fix) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : fix.split(String.valueOf(TicketFormats.SOH))) {
            int eq = field.indexOf('=');
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return fields;
    }

    @Test
    void aLimitSellIsANewOrderSingleFieldByField() {
        // flat, target short 4, the trader sells 3 of the 4 at 900 USD risk per contract
        OrderTicket sell = new OrderTicket("ESZ26-CME", OrderSide.SELL, 3, 4, OrderType.LIMIT, OptionalDouble.of(6012.25),
                TimeInForce.GTC, io.kellydesk.core.OrderAction.ADD, 0, 0, -4, 0.05, 0.0144, 0.63, 0.66, true, 900.0, "USD",
                OptionalDouble.empty(), "h", AT);
        String fix = TicketFormats.fix44(sell, ID, AT);
        Map<String, String> f = fields(fix);
        assertThat(f.get("8")).isEqualTo("FIX.4.4");
        assertThat(f.get("35")).as("NewOrderSingle").isEqualTo("D");
        assertThat(f.get("11")).as("ClOrdID").isEqualTo(ID);
        assertThat(f.get("55")).as("Symbol").isEqualTo("ESZ26-CME");
        assertThat(f.get("54")).as("Side: 2 = sell").isEqualTo("2");
        assertThat(f.get("38")).as("OrderQty").isEqualTo("3");
        assertThat(f.get("40")).as("OrdType: 2 = limit").isEqualTo("2");
        assertThat(f.get("44")).as("Price").isEqualTo("6012.25");
        assertThat(f.get("59")).as("TimeInForce: 1 = GTC").isEqualTo("1");
        assertThat(f.get("60")).as("TransactTime, UTC with ms").isEqualTo("20261123-14:30:00.125");
        // FIX rules: 8 first, 9 second, 10 last; 9 counts the bytes after its own SOH up to the SOH before 10=;
        // 10 is the byte sum of everything before "10=", modulo 256, in three digits
        assertThat(f.keySet()).first().isEqualTo("8");
        assertThat(f.keySet().stream().toList().get(1)).isEqualTo("9");
        assertThat(f.keySet()).last().isEqualTo("10");
        int bodyStart = fix.indexOf(TicketFormats.SOH, fix.indexOf("9=")) + 1;
        int checksumAt = fix.lastIndexOf("10=");
        assertThat(Integer.parseInt(f.get("9"))).isEqualTo(fix.substring(bodyStart, checksumAt).getBytes(StandardCharsets.US_ASCII).length);
        int sum = 0;
        for (byte b : fix.substring(0, checksumAt).getBytes(StandardCharsets.US_ASCII)) {
            sum += b;
        }
        assertThat(f.get("10")).isEqualTo(String.format("%03d", sum % 256));
        assertThat(fix).endsWith(String.valueOf(TicketFormats.SOH));
        assertThat(TicketFormats.fixForDisplay(fix)).doesNotContain(String.valueOf(TicketFormats.SOH)).contains("|55=ESZ26-CME|");
    }

    @Test
    void aMarketBuyHasNoPriceAndDayIsZero() {
        Map<String, String> f = fields(TicketFormats.fix44(HandoffServiceTest.ticket(), ID, AT));
        assertThat(f.get("54")).isEqualTo("1");
        assertThat(f.get("40")).isEqualTo("1");
        assertThat(f).doesNotContainKey("44");
        assertThat(f.get("59")).isEqualTo("0");
    }

    @Test
    void thePlainLineSaysTheOrderInOneLine() {
        // 2 contracts × 1,250 USD at risk = 2,500 USD; Kelly 0.082 = 8.2 %; p 0.61 = 61.0 %
        assertThat(TicketFormats.plainLine(HandoffServiceTest.ticket(), ID))
                .isEqualTo("BUY 2 NQZ26-CME MKT DAY · id " + ID + " · Kelly 8.2 % · p 61.0 % · at risk 2,500 USD");
    }

    @Test
    void clientOrderIdsFollowTheContractsShapeAndNeverRepeat() {
        ClientOrderIds ids = new ClientOrderIds(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC));
        String first = ids.next("NQZ26-CME");
        assertThat(first).matches("kd-20261123-143000-NQZ26-[0-9a-f]{8}");
        assertThat(ids.next("NQZ26-CME")).isNotEqualTo(first);
    }
}
