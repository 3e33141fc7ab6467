public enum VotingVersion {}
