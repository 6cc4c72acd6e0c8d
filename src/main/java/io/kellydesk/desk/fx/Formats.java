package io.kellydesk.desk.fx;

import java.util.Locale;

/** How the desk writes numbers: fractions as percent with one decimal, money as whole units with separators. */
public final class Formats {

    private Formats() {
    }

    /** 0.1234 → "12.3 %". */
    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** 12825.4 → "12,825" (currency units; the currency is written by the caller). */
    public static String money(double amount) {
        return String.format(Locale.ROOT, "%,.0f", amount);
    }

    /** 20.0 → "20", 0.5 → "0.5": a setting as the officer typed it. */
    public static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** A price as the exchange quotes it, without float noise: 6012.25, not 6012.2500000001. */
    public static String price(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
