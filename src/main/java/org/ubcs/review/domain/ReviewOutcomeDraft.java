package org.ubcs.review.domain;

import java.time.LocalDate;
import java.util.List;

import org.ubcs.api.model.ReviewRecommendation;

/** A review's outcome as the reviewers record it. */
public record ReviewOutcomeDraft(List<String> reviewers, ReviewRecommendation recommendation, String reasons,
        LocalDate customerToldOn, LocalDate nextReviewOn) {
}
