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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The files of the HetRec 2011 Last.fm 2K data set: {@code artists.dat} and {@code user_artists.dat} are
 * required; {@code tags.dat} with {@code user_taggedartists.dat} give artists categories, and
 * {@code user_taggedartists-timestamps.dat} gives listenings a time, when those files are present.
 */
final class LastFm2k {

    static final String ARTISTS = "artists.dat";
    static final String LISTENINGS = "user_artists.dat";
    static final String TAGS = "tags.dat";
    static final String TAGGINGS = "user_taggedartists.dat";
    static final String TAGGING_TIMES = "user_taggedartists-timestamps.dat";

    /** The files that must be in the folder; the tag files are optional. */
    static final List<String> REQUIRED_FILES = List.of(ARTISTS, LISTENINGS);

    /** The numeric files are ASCII; only names and tags need {@link TextLines#utf8OrLatin1}. */
    static final Charset NUMERIC = StandardCharsets.US_ASCII;

    /**
     * The data set records no listening times and no artist creation times; May 2011, when it was published,
     * is the latest moment they can have happened, and a fixed instant keeps re-imports identical.
     */
    static final Instant PUBLISHED = Instant.parse("2011-05-01T00:00:00Z");

    /** How many of an artist's most used tags become its categories. */
    static final int CATEGORIES_PER_ARTIST = 3;

    private LastFm2k() {
    }

    /**
     * Each artist's {@value #CATEGORIES_PER_ARTIST} most often assigned tag values (ties by name), by artist id;
     * empty when the tag files are absent.
     */
    static Map<String, Set<String>> topTags(Path folder) throws IOException {
        Path tagsFile = folder.resolve(TAGS);
        Path taggingsFile = folder.resolve(TAGGINGS);
        if (!Files.isRegularFile(tagsFile) || !Files.isRegularFile(taggingsFile)) {
            return Map.of();
        }
        Map<String, String> tagValues = new HashMap<>();
        TextLines.read(tagsFile, TextLines.utf8OrLatin1(tagsFile), (number, text) -> {
            String[] columns = TextLines.columns(text, '\t');
            if (columns.length >= 2 && !isHeader(number, columns) && !columns[1].isBlank()) {
                tagValues.put(columns[0].strip(), columns[1].strip());
            }
        });
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        TextLines.read(taggingsFile, NUMERIC, (number, text) -> {
            String[] columns = TextLines.columns(text, '\t');
            if (columns.length >= 3 && !isHeader(number, columns)) {
                String tag = tagValues.get(columns[2].strip());
                if (tag != null) {
                    counts.computeIfAbsent(columns[1].strip(), artist -> new HashMap<>()).merge(tag, 1, Integer::sum);
                }
            }
        });
        Comparator<Map.Entry<String, Integer>> mostUsed = Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey());
        Map<String, Set<String>> top = new HashMap<>();
        counts.forEach((artist, byTag) -> top.put(artist, byTag.entrySet().stream()
                .sorted(mostUsed)
                .limit(CATEGORIES_PER_ARTIST)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new))));
        return top;
    }

    /**
     * When each user last tagged each artist (key {@code user\tartist}), in epoch milliseconds: the only dated
     * trace of a user meeting an artist. Empty when the timestamps file is absent.
     */
    static Map<String, Long> lastTagged(Path folder) throws IOException {
        Path file = folder.resolve(TAGGING_TIMES);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, Long> latest = new HashMap<>();
        TextLines.read(file, NUMERIC, (number, text) -> {
            String[] columns = TextLines.columns(text, '\t');
            if (columns.length >= 4 && !isHeader(number, columns)) {
                try {
                    latest.merge(pair(columns[0], columns[1]), Long.parseLong(columns[3].strip()), Math::max);
                } catch (NumberFormatException e) {
                    // A tagging without a readable time dates nothing; the listening keeps the fixed instant.
                }
            }
        });
        return latest;
    }

    /** {@code id name url pictureURL}: an item named after the artist, with its top tags as categories. */
    static LineParser<Item> artists(Map<String, Set<String>> topTags) {
        return (number, text) -> {
            String[] columns = TextLines.columns(text, '\t');
            if (text.isBlank() || isHeader(number, columns)) {
                return Optional.empty();
            }
            if (columns.length < 2) {
                throw new InvalidFieldException("line", "expected id, name, url, pictureURL separated by tabs");
            }
            ItemId id = ItemId.of(columns[0]);
            String name = columns[1].strip();
            Map<String, String> attributes = name.isEmpty() ? Map.of() : Map.of("name", name);
            return Optional.of(new Item(id, topTags.getOrDefault(id.value(), Set.of()), Set.of(), PUBLISHED, true,
                    attributes));
        };
    }

    /**
     * Each user of {@code user_artists.dat}, once, so users can be stored before their events; the data set has
     * no user attributes.
     */
    static LineParser<User> listeners() {
        Set<String> seen = new HashSet<>();
        return (number, text) -> {
            String[] columns = TextLines.columns(text, '\t');
            if (text.isBlank() || isHeader(number, columns) || !seen.add(columns[0].strip())) {
                return Optional.empty();
            }
            return Optional.of(new User(UserId.of(columns[0]), Map.of()));
        };
    }

    /**
     * {@code userID artistID weight}: one {@code view} per (user, artist) pair with the play count as value; the
     * id is derived from the pair, so importing again only finds duplicates.
     */
    static LineParser<EventSubmission> listenings(Map<String, Long> lastTagged) {
        String undated = PUBLISHED.toString();
        return (number, text) -> {
            String[] columns = TextLines.columns(text, '\t');
            if (text.isBlank() || isHeader(number, columns)) {
                return Optional.empty();
            }
            if (columns.length != 3) {
                throw new InvalidFieldException("line",
                        "expected 3 tab-separated columns (userID, artistID, weight), got " + columns.length);
            }
            String user = columns[0].strip();
            String artist = columns[1].strip();
            Long tagged = lastTagged.get(pair(user, artist));
            String time = tagged == null ? undated : Instant.ofEpochMilli(tagged).toString();
            return Optional.of(new EventSubmission.Fields("lastfm2k-" + user + "-" + artist, "view", user, artist,
                    time, columns[2], null, null, null));
        };
    }

    /** Every file of the set starts with a header row naming its columns; ids are numbers. */
    private static boolean isHeader(long number, String[] columns) {
        return number == 1 && !columns[0].strip().chars().allMatch(Character::isDigit);
    }

    private static String pair(String user, String artist) {
        return user.strip() + '\t' + artist.strip();
    }
}
