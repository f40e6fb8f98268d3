package dev.soba.streams.models.price;

import java.io.Serializable;

/**
 * Where a model's training rows came from: the pair, the open times of the first and last candle
 * read, how many candles and training rows, and the SHA-256 of those candles.
 */
public record TrainingData(String pair, long from, long to, int candles, int rows, String sha256)
        implements Serializable {
}
