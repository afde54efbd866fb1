# The role that automation accounts assume. External job runners exchange their
# CI tokens for it; the row-level-security access service trusts its sessions.
resource "aws_iam_role" "automation_runner" {
  name = "automation-runner"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111111111111:role/job-runner" }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRoleWithWebIdentity"
        Principal = { Federated = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }
        Condition = {
          StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme/jobs:*" }
        }
      }
    ]
  })

  tags = {
    owner = "iam-platform"
  }
}

resource "aws_iam_role_policy_attachment" "automation_runner_warehouse" {
  role       = aws_iam_role.automation_runner.name
  policy_arn = aws_iam_policy.warehouse_loader.arn
}
