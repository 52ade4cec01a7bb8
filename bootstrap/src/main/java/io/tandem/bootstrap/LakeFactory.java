package io.tandem.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.tandem.adapters.out.filesystem.FilesystemArtifactStoreAdapter;
import io.tandem.adapters.out.filesystem.FilesystemLakeAdapter;
import io.tandem.adapters.out.minio.MinioArtifactStoreAdapter;
import io.tandem.adapters.out.minio.MinioLakeAdapter;
import io.tandem.application.ingestion.ArchiveEventsService;
import io.tandem.application.ingestion.ReadArchivedEventsService;
import io.tandem.application.ingestion.port.in.ArchiveEventsUseCase;
import io.tandem.application.ingestion.port.in.ReadArchivedEventsUseCase;
import io.tandem.application.ingestion.port.out.ReadLakePort;
import io.tandem.application.ingestion.port.out.WriteLakePort;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * The data lake ({@code tandem.lake.store=filesystem|minio}), the archiver that fills it, and the model artifact
 * store ({@code tandem.artifacts=filesystem|minio}).
 */
@Factory
final class LakeFactory {

    @Singleton
    @Requires(property = "tandem.lake.store", value = "filesystem", defaultValue = "filesystem")
    FilesystemLakeAdapter filesystemLake(LakeConfiguration lake) {
        return new FilesystemLakeAdapter(Path.of(lake.path()));
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.lake.store", value = "minio")
    MinioLakeAdapter minioLake(LakeConfiguration lake) {
        return new MinioLakeAdapter(lake.minioSettings("when tandem.lake.store=minio"));
    }

    /** Model artifacts share the lake's folder or bucket, under {@code models/}. */
    @Singleton
    @Requires(property = "tandem.artifacts", value = "filesystem", defaultValue = "filesystem")
    FilesystemArtifactStoreAdapter filesystemArtifacts(LakeConfiguration lake) {
        return new FilesystemArtifactStoreAdapter(Path.of(lake.path()));
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "tandem.artifacts", value = "minio")
    MinioArtifactStoreAdapter minioArtifacts(LakeConfiguration lake) {
        return new MinioArtifactStoreAdapter(lake.minioSettings("when tandem.artifacts=minio"));
    }

    @Singleton
    ReadArchivedEventsUseCase readArchivedEvents(ReadLakePort readLake) {
        return new ReadArchivedEventsService(readLake);
    }

    @Singleton
    ArchiveEventsUseCase archiveEvents(WriteLakePort writeLake, LakeConfiguration lake, MeterRegistry meters) {
        return new ArchiveEventsService(EventFlowMetrics.countingLakeWrites(writeLake, meters), lake.chunkEvents());
    }
}
