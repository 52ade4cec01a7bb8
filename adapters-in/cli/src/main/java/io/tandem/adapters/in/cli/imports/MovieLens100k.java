package io.tandem.adapters.in.cli.imports;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.catalog.Item;
import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.User;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.interaction.EventSubmission;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files of the MovieLens 100K data set ({@code u.genre}, {@code u.item}, {@code u.user}, {@code u.data}). */
final class MovieLens100k {

    /** GroupLens wrote the files in Latin-1: titles such as "Misérables, Les (1995)" are not UTF-8. */
    static final Charset CHARSET = StandardCharsets.ISO_8859_1;

    static final List<String> FILES = List.of("u.genre", "u.item", "u.user", "u.data");

    /**
     * The creation time of a movie without a release date: the epoch, so a "newest items" rule never picks
     * a movie just because its date is unknown.
     */
    static final Instant UNKNOWN_RELEASE = Instant.EPOCH;

    private static final int ITEM_FIXED_COLUMNS = 5;
    private static final DateTimeFormatter RELEASE_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    private static final Pattern TITLE_YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

    private MovieLens100k() {
    }

    /**
     * The genre names of {@code u.genre} ({@code name|index}), by index, for the flag columns of {@code u.item}.
     * A broken genre file fails the import: every item's categories would be wrong.
     */
    static List<String> genres(Path file) throws IOException {
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        TextLines.read(file, CHARSET, (number, text) -> {
            if (text.isBlank()) {
                return;
            }
            String[] columns = TextLines.columns(text, '|');
            try {
                byIndex.put(Integer.parseInt(columns[columns.length - 1].strip()), columns[0].strip());
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + number + ": expected name|index, got '" + text + "'");
            }
        });
        List<String> genres = new ArrayList<>();
        for (int index = 0; byIndex.containsKey(index); index++) {
            genres.add(byIndex.get(index));
        }
        if (genres.isEmpty() || genres.size() != byIndex.size() || genres.contains("")) {
            throw new IOException(file + ": expected named genres indexed from 0 without gaps, got " + byIndex);
        }
        return List.copyOf(genres);
    }

    /** {@code id|title|release date|video release date|IMDb URL|flag per genre}: the genres become categories. */
    static LineParser<Item> items(List<String> genres) {
        return (number, text) -> {
            if (text.isBlank()) {
                return Optional.empty();
            }
            String[] columns = TextLines.columns(text, '|');
            if (columns.length < ITEM_FIXED_COLUMNS + genres.size()) {
                throw new InvalidFieldException("line", "expected " + (ITEM_FIXED_COLUMNS + genres.size())
                        + " |-separated columns, got " + columns.length);
            }
            Set<String> categories = new LinkedHashSet<>();
            for (int genre = 0; genre < genres.size(); genre++) {
                if ("1".equals(columns[ITEM_FIXED_COLUMNS + genre].strip())) {
                    categories.add(genres.get(genre));
                }
            }
            String title = columns[1].strip();
            Optional<LocalDate> released = releaseDate(columns[2]);
            Map<String, String> attributes = new LinkedHashMap<>();
            if (!title.isEmpty()) {
                attributes.put("title", title);
            }
            year(title, released).ifPresent(year -> attributes.put("year", year));
            Instant createdAt = released.map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant())
                    .orElse(UNKNOWN_RELEASE);
            return Optional.of(new Item(ItemId.of(columns[0]), categories, Set.of(), createdAt, true, attributes));
        };
    }

    /** {@code id|age|gender|occupation|zip code}, all kept as attributes. */
    static LineParser<User> users() {
        return (number, text) -> {
            if (text.isBlank()) {
                return Optional.empty();
            }
            String[] columns = TextLines.columns(text, '|');
            if (columns.length != 5) {
                throw new InvalidFieldException("line", "expected 5 |-separated columns, got " + columns.length);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            String[] names = {"age", "gender", "occupation", "zip"};
            for (int i = 0; i < names.length; i++) {
                String value = columns[i + 1].strip();
                if (!value.isEmpty()) {
                    attributes.put(names[i], value);
                }
            }
            return Optional.of(new User(UserId.of(columns[0]), attributes));
        };
    }

    /**
     * {@code user item rating unix-seconds}, tab-separated, as a {@code rating} event whose id is derived from
     * user and item (one rating per pair in MovieLens), so importing the file again only finds duplicates.
     */
    static LineParser<EventSubmission> ratings() {
        return (number, text) -> {
            if (text.isBlank()) {
                return Optional.empty();
            }
            String[] columns = TextLines.columns(text, '\t');
            if (columns.length != 4) {
                throw new InvalidFieldException("line",
                        "expected 4 tab-separated columns (user, item, rating, time), got " + columns.length);
            }
            String user = columns[0].strip();
            String item = columns[1].strip();
            return Optional.of(new EventSubmission.Fields("ml100k-" + user + "-" + item, "rating", user, item,
                    isoTime(columns[3]), columns[2], null, null, null));
        };
    }

    private static Optional<LocalDate> releaseDate(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip(), RELEASE_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The film's own year from "Title (1995)"; the release date is sometimes a later (video) release. */
    private static Optional<String> year(String title, Optional<LocalDate> released) {
        Matcher matcher = TITLE_YEAR.matcher(title);
        if (matcher.find()) {
            return Optional.of(matcher.group(1));
        }
        return released.map(date -> Integer.toString(date.getYear()));
    }

    /** The wire format takes epoch milliseconds; MovieLens has seconds. */
    /** Unix seconds as the ISO-8601 text the event format takes (digits in text are not a time, ADR-0019). */
    private static String isoTime(String unixSeconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(unixSeconds.strip())).toString();
        } catch (NumberFormatException | DateTimeException e) {
            throw new InvalidFieldException("time", "must be unix seconds, got '" + unixSeconds + "'");
        }
    }
}
