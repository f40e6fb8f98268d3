package dev.soba.streams.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soba.streams.schemas.Json;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The REST layer writes and reads with the project's one JSON configuration (snake_case, amounts as strings). */
public class JsonMapperProducer {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return Json.mapper();
    }
}
