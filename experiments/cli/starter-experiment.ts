/**
 * The experiment `labelsim init` writes: small enough to read in a minute, every line commented,
 * and sized so that the base plan is tight (its work is 99% of the team's hours by the deadline:
 * about a two-in-three chance on time) and the second plan shows what one more annotator buys. `__NAME__` is replaced by the
 * experiment's name. A test checks that it passes `labelsim check` and runs.
 */
export const STARTER_EXPERIMENT = `# A labelsim experiment: an annotation project and the plans to compare.
# Check it:  labelsim check __FILE__   (capacity against the deadline, in a second)
# Run it:    labelsim run __FILE__     (writes out/__NAME__/report.html)
# Every field is described by \`labelsim schema\`; for completion in your editor, save that output
# as labelsim.schema.json beside this file and add this line at the top of the file:
#   # yaml-language-server: $schema=labelsim.schema.json
name: __NAME__                # also the output folder: out/__NAME__/
description: Starter project, 27,500 images with one review tier
seed: 1                       # same seed, same answer; change it to see another draw
replications: 200             # Monte Carlo runs per plan: more is surer and slower
start: 2027-01-04             # any weekday; t = 0 is its 00:00 in timeZone
timeZone: Europe/Berlin       # an IANA zone: shift times below are local to it
deadline: 4w                  # 4 calendar weeks; or a date: 2027-01-31 (its end) is the same
currency: EUR                 # every amount below is in this currency

work:
  images:
    count: 27500              # items to deliver
    arrival: backlog          # all there on day one; or { poisson: 100/h }, or weekly batches
    workflow: [annotate, review]

pools:
  annotators:                 # the team
    headcount: 6
    shifts: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }]
    absence: 3%               # a person misses a shift at random
    speedCv: 0.15             # people differ in pace
    errorRate: 4%             # share of labels that are wrong
    pay: { salaried: 28/h }   # or { hourly: 35/h }, { perItem: 0.20 }, or none
  reviewers:                  # the review tier
    headcount: 1
    shifts: [{ days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00" }]
    pay: { hourly: 40/h }

stages:
  annotate:
    kind: annotate
    pool: annotators
    handling: { lognormal: { mean: 2m, cv: 0.4 } }   # time per label: mean 2 minutes, varying
    reworkFactor: 0.5         # fixing a rejected label takes half the first pass
  review:
    kind: review
    pool: reviewers
    handling: 30s
    sample: 20%               # share of items a reviewer looks at
    detection: 90%            # wrong labels caught
    falseReject: 2%           # right labels sent back anyway

costs:
  platformPerSeatMonth: 40    # tool licence per person and month
  fixed: { guidelines: 2000 } # one-off costs by activity

plans:                        # the first plan is the baseline the others are compared with
  base:
    description: The team as it is
    patch: {}
  one-more-annotator:
    description: A seventh annotator from day one
    patch:                    # only what changes: the fields of the file above, merged in
      pools:
        annotators:
          headcount: 7
`;
