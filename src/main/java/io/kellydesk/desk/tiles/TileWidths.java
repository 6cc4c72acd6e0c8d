package io.kellydesk.desk.tiles;

/**
 * How the grid shares its width among the tiles of a row: as many columns as fit at the narrowest tile, then each
 * tile as wide as the row allows (up to the widest, past which a tile would only hold air). So a window of any
 * width shows whole tiles edge to edge, not two columns and a dead gap. No JavaFX.
 *
 * @param columns tiles per row
 * @param width   each tile's width, px
 */
record TileWidths(int columns, double width) {

    /** @param inner the grid's width inside its padding, px; @param gap between tiles, px */
    static TileWidths of(double inner, double gap, double min, double max) {
        int columns = Math.max(1, (int) Math.floor((inner + gap) / (min + gap)));
        double width = Math.floor((inner - gap * (columns - 1)) / columns);
        return new TileWidths(columns, Math.max(Math.min(min, inner), Math.min(max, width)));
    }
}
