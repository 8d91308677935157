package com.customerledger.events.reminder;

/**
 * A solar-term campaign: {@code daysBefore} days before {@code solarTerm} (its Chinese name, such as 白露) each
 * year, every owned customer that {@code match}es gets a notice to its owner, pointing at knowledge-base article
 * {@code articleId} (null: none).
 */
public record ReminderCampaign(String campaignId, String solarTerm, int daysBefore, CampaignMatch match, String articleId) {
}
