resource "aws_iam_policy" "warehouse_loader" {
  name = "warehouse-loader"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::acme-landing", "arn:aws:s3:::acme-landing/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["execute-api:Invoke"]
        Resource = ["arn:aws:execute-api:eu-west-1:111111111111:rlsaccess/*"]
      }
    ]
  })
}
