package io.tandem.adapters.out.jdbc;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** Reads rows of {@code users}; a bean that bootstrap hands to {@link JdbcCatalogAdapter}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRowRepository extends GenericRepository<UserRow, String> {

    Optional<UserRow> findById(String id);

    long count();
}
