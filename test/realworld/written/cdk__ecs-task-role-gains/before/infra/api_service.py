from aws_cdk import Stack
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_s3 as s3
from constructs import Construct


class ApiServiceStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        uploads = s3.Bucket.from_bucket_name(self, "Uploads", "acme-api-uploads")
        cluster = ecs.Cluster.from_cluster_attributes(
            self, "Cluster", cluster_name="shared", vpc=None, security_groups=[]
        )

        task = ecs.FargateTaskDefinition(self, "ApiTask", cpu=512, memory_limit_mib=1024)
        task.add_container(
            "api",
            image=ecs.ContainerImage.from_registry("ghcr.io/acme/api:2.7.0"),
            port_mappings=[ecs.PortMapping(container_port=8080)],
            logging=ecs.LogDrivers.aws_logs(stream_prefix="api"),
        )
        uploads.grant_read(task.task_role)

        ecs.FargateService(self, "Service", cluster=cluster, task_definition=task, desired_count=3)
