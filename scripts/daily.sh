#!/usr/bin/env bash
# The scheduled job (.github/workflows/daily.yml), runnable by hand: fetch the day's papers from every source
# of content/site.yaml, commit what is new and push it. Run from the repository's root; arguments go to
# `paper-digest daily` (e.g. --date 2025-03-14). A source that failed still lets the others' files be
# committed and pushed, and then fails the job.
set -uo pipefail

cli=${PAPER_DIGEST_CLI:-npx --no-install paper-digest}
branch=$(git rev-parse --abbrev-ref HEAD)

status=0
# shellcheck disable=SC2086 # the command may be several words
$cli daily --config content/site.yaml --digests content/digests --enriched content/arxiv.atom "$@" || status=$?

git add -A -- content/digests
[ -e content/arxiv.atom ] && git add -- content/arxiv.atom
if git diff --cached --quiet; then
  echo "daily: nothing new to commit"
  exit "$status"
fi

files=$(git diff --cached --name-only | xargs -n1 basename | paste -sd' ' -)
# In GitHub Actions the commit is the workflow's own; elsewhere, whoever runs it.
if [ -z "$(git config user.email || true)" ]; then
  export GIT_AUTHOR_NAME="github-actions[bot]" GIT_COMMITTER_NAME="github-actions[bot]"
  export GIT_AUTHOR_EMAIL="41898282+github-actions[bot]@users.noreply.github.com"
  export GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
fi
git commit -q -m "Daily papers: $files" || exit 1

# Someone may have pushed meanwhile (a curator's edit, a manual run): rebase onto it and try again.
for attempt in 1 2 3; do
  if git push -q origin "HEAD:$branch"; then
    echo "daily: committed and pushed $files"
    exit "$status"
  fi
  echo "daily: $branch moved on the remote; rebasing onto it (attempt $attempt of 3)"
  if ! git pull -q --rebase origin "$branch"; then
    git rebase --abort 2>/dev/null
    echo "daily: cannot rebase onto origin/$branch (a conflict in content/?): nothing pushed"
    exit 1
  fi
done
echo "daily: could not push to $branch after 3 attempts"
exit 1
