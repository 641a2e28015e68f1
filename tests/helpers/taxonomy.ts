/**
 * A small valid taxonomy, with a comment above its first key: two topics, one with a folded
 * description and two patterns. Tests change one line of it at a time, or look up its lines.
 */
export const SMALL_TAXONOMY = `# comment
scoring:
  titleWeight: 3
  abstractWeight: 1
  abstractRepeats: 2
  threshold: 5
  secondaryRatio: 0.35
  maxTopics: 3
  fallbackTopic: alpha

topics:
  - id: alpha
    name: Alpha
    description: >-
      Papers about alpha. They matter.
    rules:
      - weight: 5
        patterns:
          - 'alpha'
          - 'first letter'
  - id: beta
    name: Beta
    description: Papers about beta.
    rules:
      - weight: 3
        patterns:
          - 'beta'
`;
