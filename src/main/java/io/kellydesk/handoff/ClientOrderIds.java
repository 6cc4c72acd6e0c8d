package io.kellydesk.handoff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Client order ids in the contract's shape, {@code kd-20261123-143000-NQZ26-7f3a}: date and time (UTC), the
 * contract without its exchange, and 32 random bits so two clicks in one second never share an id.
 */
public final class ClientOrderIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ClientOrderIds(Clock clock) {
        this.clock = clock;
    }

    public String next(String symbol) {
        String contract = symbol.contains("-") ? symbol.substring(0, symbol.indexOf('-')) : symbol;
        byte[] bits = new byte[4];
        random.nextBytes(bits);
        return "kd-" + STAMP.format(clock.instant()) + "-" + contract.replaceAll("[^A-Za-z0-9]", "") + "-" + HexFormat.of().formatHex(bits);
    }
}
