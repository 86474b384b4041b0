namespace ProtocolOcr.Infrastructure.Downstream.Results;

/// <summary>The views the query API and the CSV export serve (docs/database.md describes each).</summary>
public static class ResultViews
{
    public static IReadOnlyList<ResultView> All { get; } =
    [
        new("final-results", "final_results",
            ["election_id", "region", "precinct", "precinct_status", "field_id", "line_number", "label", "value", "source",
             "agreeing_photos", "confidence", "upload_ids"],
            "election_id, region, precinct, field_id"),
        new("disagreements", "disagreements",
            ["election_id", "region", "precinct", "field_id", "line_number", "label", "upload_ids", "disagreement"],
            "election_id, region, precinct, field_id"),
        new("coverage", "coverage_by_region",
            ["election_id", "region", "precincts", "precincts_with_photos", "precincts_verified", "precincts_needing_review", "verified_percent"],
            "election_id, region"),
        new("discrepancies", "discrepancies",
            ["election_id", "region", "precinct", "precinct_status", "field_id", "line_number", "label", "observer_value",
             "official_value", "difference", "upload_ids"],
            "election_id, region, precinct, field_id"),
        new("region-discrepancies", "region_discrepancies",
            ["election_id", "region", "precincts_compared", "precincts_differing", "lines_compared", "lines_differing",
             "sum_difference", "sum_abs_difference"],
            "election_id, region"),
        new("region-shares", "region_shares",
            ["election_id", "region", "group_id", "field_id", "label", "observer_votes", "official_votes", "observer_share_percent",
             "official_share_percent", "share_difference_points"],
            "election_id, region, group_id, field_id"),
        new("turnout-shares", "precinct_turnout_shares",
            ["election_id", "region", "precinct", "group_id", "field_id", "label", "voters_on_list", "group_votes", "votes",
             "turnout_percent", "share_percent", "official_turnout_percent", "official_share_percent"],
            "election_id, region, precinct, field_id"),
    ];

    public static ResultView? Find(string name) => All.FirstOrDefault(v => v.Name == name);
}
