#!/usr/bin/env python3
import aws_cdk as cdk

from orders.orders_stack import OrdersStack

app = cdk.App()
OrdersStack(app, "OrdersStack", env=cdk.Environment(account="123456789012", region="eu-west-1"))
app.synth()
