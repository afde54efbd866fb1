import json
import os

import boto3

table = boto3.resource("dynamodb").Table(os.environ["TABLE"])


def handler(event, context):
    order_id = event["pathParameters"]["id"]
    item = table.get_item(Key={"pk": order_id}).get("Item")
    return {"statusCode": 200 if item else 404, "body": json.dumps(item or {})}
