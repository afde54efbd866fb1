// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation's ${} is what these hold
// CloudFormation and CDK templates as organisations write them, for `init` and drift tests: a
// Lambda with its role and a managed policy (YAML, short tags), an ECS service with task and
// execution roles, an inline policy, an instance profile, a CodeBuild project, a state machine
// and a GitHub OIDC deploy role, and a CDK stack as `cdk synth` writes it (hashed logical ids,
// `aws:cdk:path` metadata, a DefaultPolicy).

export const LAMBDA_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Billing importer
Parameters:
  BucketName:
    Type: String
Resources:
  ImporterRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
        - !Ref BucketReadPolicy
  BucketReadPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [s3:GetObject, s3:ListBucket]
            Resource:
              - !Sub arn:aws:s3:::\${BucketName}
              - !Sub arn:aws:s3:::\${BucketName}/*
  ImporterFunction:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Role: !GetAtt ImporterRole.Arn
      Code:
        ZipFile: |
          def handler(event, context):
              return None
  ImportSchedule:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(1 hour)
      Targets:
        - Id: importer
          Arn: !GetAtt ImporterFunction.Arn
  InvokePermission:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: !Ref ImporterFunction
      Action: lambda:InvokeFunction
      Principal: events.amazonaws.com
      SourceArn: !GetAtt ImportSchedule.Arn
Outputs:
  RoleArn:
    Value: !GetAtt ImporterRole.Arn
`;

export const ECS_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Jobs API on Fargate, its build and its deploy role
Parameters:
  Image:
    Type: String
Resources:
  GithubOidc:
    Type: AWS::IAM::OIDCProvider
    Properties:
      Url: https://token.actions.githubusercontent.com
      ClientIdList: [sts.amazonaws.com]
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Ref GithubOidc
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringLike:
                token.actions.githubusercontent.com:sub: repo:acme/jobs:*
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [ecs:UpdateService, ecs:DescribeServices]
                Resource: "*"
  TaskExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
  TaskRoleQueueAccess:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: queue-access
      Roles: [!Ref TaskRole]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [sqs:ReceiveMessage, sqs:DeleteMessage]
            Resource: !GetAtt JobsQueue.Arn
  JobsQueue:
    Type: AWS::SQS::Queue
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: jobs
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      TaskRoleArn: !GetAtt TaskRole.Arn
      ExecutionRoleArn: !Ref TaskExecutionRole
      ContainerDefinitions:
        - Name: jobs
          Image: !Ref Image
          Environment:
            - Name: QUEUE_URL
              Value: !Ref JobsQueue
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      TaskDefinition: !Ref TaskDefinition
      DesiredCount: 2
  BatchRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
  BatchProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref BatchRole]
  BatchLaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        IamInstanceProfile:
          Arn: !GetAtt BatchProfile.Arn
  BuildRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: [codebuild.amazonaws.com, states.amazonaws.com] }
            Action: sts:AssumeRole
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: !GetAtt BuildRole.Arn
      Artifacts: { Type: NO_ARTIFACTS }
      Environment: { Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0 }
      Source: { Type: NO_SOURCE, BuildSpec: "version: 0.2" }
  Pipeline:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !Sub \${BuildRole.Arn}
      DefinitionString: !Sub '{"StartAt":"Build","States":{"Build":{"Type":"Task","Resource":"arn:aws:states:::codebuild:startBuild.sync","Parameters":{"ProjectName":"\${Build}"},"End":true}}}'
`;

/** A CDK stack as `cdk synth` writes it: hashed logical ids, construct paths in Metadata. */
export const CDK_TEMPLATE = `{
 "Resources": {
  "HandlerServiceRoleFCDC14AE": {
   "Type": "AWS::IAM::Role",
   "Properties": {
    "AssumeRolePolicyDocument": {
     "Statement": [
      {
       "Action": "sts:AssumeRole",
       "Effect": "Allow",
       "Principal": {
        "Service": "lambda.amazonaws.com"
       }
      }
     ],
     "Version": "2012-10-17"
    },
    "ManagedPolicyArns": [
     {
      "Fn::Join": [
       "",
       [
        "arn:",
        {
         "Ref": "AWS::Partition"
        },
        ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
       ]
      ]
     }
    ]
   },
   "Metadata": {
    "aws:cdk:path": "ApiStack/Handler/ServiceRole/Resource"
   }
  },
  "HandlerServiceRoleDefaultPolicyCBD0CC91": {
   "Type": "AWS::IAM::Policy",
   "Properties": {
    "PolicyDocument": {
     "Statement": [
      {
       "Action": [
        "dynamodb:GetItem",
        "dynamodb:PutItem"
       ],
       "Effect": "Allow",
       "Resource": [
        {
         "Fn::GetAtt": [
          "TableCD117FA1",
          "Arn"
         ]
        }
       ]
      }
     ],
     "Version": "2012-10-17"
    },
    "PolicyName": "HandlerServiceRoleDefaultPolicyCBD0CC91",
    "Roles": [
     {
      "Ref": "HandlerServiceRoleFCDC14AE"
     }
    ]
   },
   "Metadata": {
    "aws:cdk:path": "ApiStack/Handler/ServiceRole/DefaultPolicy/Resource"
   }
  },
  "Handler886CB40B": {
   "Type": "AWS::Lambda::Function",
   "Properties": {
    "Code": {
     "S3Bucket": {
      "Fn::Sub": "cdk-hnb659fds-assets-\${AWS::AccountId}-\${AWS::Region}"
     },
     "S3Key": "3f1a2b.zip"
    },
    "Handler": "index.handler",
    "Role": {
     "Fn::GetAtt": [
      "HandlerServiceRoleFCDC14AE",
      "Arn"
     ]
    },
    "Runtime": "nodejs20.x"
   },
   "DependsOn": [
    "HandlerServiceRoleDefaultPolicyCBD0CC91",
    "HandlerServiceRoleFCDC14AE"
   ],
   "Metadata": {
    "aws:cdk:path": "ApiStack/Handler/Resource",
    "aws:asset:path": "asset.3f1a2b",
    "aws:asset:property": "Code"
   }
  },
  "TableCD117FA1": {
   "Type": "AWS::DynamoDB::Table",
   "Properties": {
    "AttributeDefinitions": [
     {
      "AttributeName": "pk",
      "AttributeType": "S"
     }
    ],
    "KeySchema": [
     {
      "AttributeName": "pk",
      "KeyType": "HASH"
     }
    ],
    "BillingMode": "PAY_PER_REQUEST"
   },
   "UpdateReplacePolicy": "Retain",
   "DeletionPolicy": "Retain",
   "Metadata": {
    "aws:cdk:path": "ApiStack/Table/Resource"
   }
  },
  "CDKMetadata": {
   "Type": "AWS::CDK::Metadata",
   "Properties": {
    "Analytics": "v2:deflate64:H4sIAAAAAAAA/zPSMzQ"
   },
   "Metadata": {
    "aws:cdk:path": "ApiStack/CDKMetadata/Default"
   }
  }
 },
 "Parameters": {
  "BootstrapVersion": {
   "Type": "AWS::SSM::Parameter::Value<String>",
   "Default": "/cdk-bootstrap/hnb659fds/version"
  }
 }
}
`;
