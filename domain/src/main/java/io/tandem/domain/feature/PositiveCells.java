package io.tandem.domain.feature;

import io.tandem.domain.catalog.ItemId;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One user's positive interactions in {@link OnlineFeatures}: a cell per item (the float sum of its positive labels
 * in application order, and the latest of their times), ordered newest first; past the cap, the cell with the oldest
 * latest time goes (equal times: the lowest item id), the order the Redis store keeps too.
 */
final class PositiveCells {

    private static final Comparator<Cell> NEWEST_FIRST = Comparator
            .comparing((Cell cell) -> cell.latest)
            .thenComparing(cell -> cell.item)
            .reversed();

    private final Map<ItemId, Cell> cells = new HashMap<>();
    private final TreeSet<Cell> order = new TreeSet<>(NEWEST_FIRST);

    void add(ItemId item, float label, Instant time, int cap) {
        Cell cell = cells.get(item);
        if (cell == null) {
            cell = new Cell(item, label, time);
            cells.put(item, cell);
            order.add(cell);
            if (cells.size() > cap) {
                cells.remove(order.pollLast().item);
            }
            return;
        }
        cell.value += label;
        if (time.isAfter(cell.latest)) {
            // The order is keyed on the time: take the cell out before changing it.
            order.remove(cell);
            cell.latest = time;
            order.add(cell);
        }
    }

    /**
     * At most {@code limit} cells, newest first (equal times: the greater item id first). A cell whose float sum left
     * float's range (labels below about 1e-45 or a sum above 3.4e38) is not reported, since no
     * {@link PositiveInteraction} can hold it.
     */
    List<PositiveInteraction> newestFirst(int limit) {
        PositiveInteraction[] newestFirst = new PositiveInteraction[Math.min(limit, cells.size())];
        int size = 0;
        for (Iterator<Cell> it = order.iterator(); size < newestFirst.length && it.hasNext(); ) {
            Cell cell = it.next();
            if (cell.value > 0 && Float.isFinite(cell.value)) {
                newestFirst[size++] = new PositiveInteraction(cell.item, cell.value, cell.latest);
            }
        }
        return List.of(size == newestFirst.length ? newestFirst : Arrays.copyOf(newestFirst, size));
    }

    /** One (user, item) cell; mutable, so an update costs no allocation. */
    private static final class Cell {

        final ItemId item;
        float value;
        Instant latest;

        Cell(ItemId item, float value, Instant latest) {
            this.item = item;
            this.value = value;
            this.latest = latest;
        }
    }
}
