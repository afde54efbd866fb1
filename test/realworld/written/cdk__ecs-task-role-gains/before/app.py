#!/usr/bin/env python3
import aws_cdk as cdk

from infra.api_service import ApiServiceStack

app = cdk.App()
ApiServiceStack(app, "ApiService", env=cdk.Environment(account="123456789012", region="us-east-1"))
app.synth()
