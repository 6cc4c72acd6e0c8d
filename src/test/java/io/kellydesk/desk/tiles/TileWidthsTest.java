package io.kellydesk.desk.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileWidthsTest {

    @Test
    void theRowIsSharedOutWithNoDeadGap() {
        // 1280×720 with the detail pane: the grid is about 830 px inside its padding.
        // 3 × 268 + 2 × 12 = 828 ≤ 830 → 3 columns; width = floor((830 − 24) / 3) = 268
        assertThat(TileWidths.of(830, 12, 268, 360)).isEqualTo(new TileWidths(3, 268));
        // 1920 wide: 1260 px → floor(1272 / 280) = 4 columns of floor((1260 − 36) / 4) = 306
        assertThat(TileWidths.of(1260, 12, 268, 360)).isEqualTo(new TileWidths(4, 306));
        // the old fixed 284 px tiles left 830 − (2 × 284 + 12) = 250 px empty at 830 px (two columns)
        TileWidths w = TileWidths.of(830, 12, 268, 360);
        double used = w.columns() * w.width() + (w.columns() - 1) * 12;
        assertThat(830 - used).isLessThan(w.columns()); // what is left is the rounding, under 1 px a column
    }

    @Test
    void aNarrowGridStillShowsOneWholeTileAndAWideOneStopsAtTheWidest() {
        assertThat(TileWidths.of(200, 12, 268, 360)).isEqualTo(new TileWidths(1, 200));
        // 500 px: one column (2 would need 548); not wider than 360
        assertThat(TileWidths.of(500, 12, 268, 360)).isEqualTo(new TileWidths(1, 360));
    }
}
