package io.tandem.adapters.out.jdbc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Reads and deletes rows of {@code items}; a bean that bootstrap hands to {@link JdbcCatalogAdapter}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ItemRowRepository extends GenericRepository<ItemRow, String> {

    /**
     * The rows of the given ids that exist; pass each id once. One array parameter rather than a generated
     * {@code IN (?, ?, ...)}: one statement text whatever the number of ids, so the server keeps it prepared,
     * and no limit on bind parameters. A join rather than {@code id = ANY(?)}, which H2 answers by scanning
     * the whole array for every row it finds.
     */
    @Query("SELECT i.id, i.categories, i.tags, i.created_at, i.available, i.attributes"
            + " FROM UNNEST(:ids) AS requested(id) JOIN items i ON i.id = requested.id")
    List<ItemRow> findByIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** At most {@code limit} available items, newest first (ties by id), walking index {@code items_newest}. */
    @Query("SELECT id, categories, tags, created_at, available, attributes FROM items"
            + " WHERE available = TRUE ORDER BY created_at DESC, id LIMIT :limit")
    List<ItemRow> findNewestAvailable(int limit);

    /** As {@link #findNewestAvailable(int)}, only the items in {@code category}. */
    @Query("SELECT id, categories, tags, created_at, available, attributes FROM items"
            + " WHERE available = TRUE AND :category = ANY(categories) ORDER BY created_at DESC, id LIMIT :limit")
    List<ItemRow> findNewestAvailableIn(String category, int limit);

    long count();
}
