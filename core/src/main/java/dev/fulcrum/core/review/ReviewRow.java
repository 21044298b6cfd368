package dev.fulcrum.core.review;

/**
 * One line of {@code review.csv}: a row an expert should look at, and why. The expert's columns ({@code action,
 * new-label, weight, annotator, note}) start empty.
 *
 * @param split {@code train}, {@code validation}, {@code test} or {@code pool}
 * @param givenLabel the class name the row is labelled with, or {@code null} for a pool row
 * @param probability the predicted label's probability
 * @param score the query's score: higher = look first
 * @param row the row's index in the reviewed rows ({@link Review#rows()}), for its thumbnail
 */
public record ReviewRow(String id, String task, String split, String givenLabel, String predictedLabel, double probability,
                        double score, String reason, int row) {
}
