from aws_cdk import Duration, Stack
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        table = dynamodb.Table(
            self, "OrdersTable",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
        )
        events = sqs.Queue(self, "OrderEvents", visibility_timeout=Duration.seconds(60))

        handler = lambda_.Function(
            self, "OrdersHandler",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="orders.handler",
            code=lambda_.Code.from_asset("lambda"),
            timeout=Duration.seconds(10),
            environment={"TABLE": table.table_name, "EVENTS": events.queue_url},
        )
        table.grant_read_write_data(handler)
        events.grant_send_messages(handler)
